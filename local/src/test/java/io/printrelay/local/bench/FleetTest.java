package io.printrelay.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTest {

  @Test
  void theWindowRunsFromTheLastPrinterToStartToTheFirstToFinish() {
    long[] early = {10, 20, 30, 40, 50};
    long[] late = {25, 35, 45, 55, 65};

    Fleet fleet = Fleet.of(List.of(early, late));

    assertThat(fleet.labels()).isEqualTo(10);
    assertThat(fleet.firstLabel()).isEqualTo(10);
    assertThat(fleet.lastLabel()).isEqualTo(65);
    assertThat(fleet.allPrintingNanos()).hasValue(50 - 25);
    assertThat(fleet.labelsWhileAllPrinting()).as("30 40 50 and 25 35 45").isEqualTo(6);
  }

  @Test
  void printersThatNeverOverlapHaveNoWindow() {
    Fleet fleet = Fleet.of(List.of(new long[] {1, 2}, new long[] {5, 6}));

    assertThat(fleet.allPrintingNanos()).isEmpty();
    assertThat(fleet.labels()).isEqualTo(4);
  }

  @Test
  void aPrinterThatPrintedNothingMeansNoWindow() {
    Fleet fleet = Fleet.of(List.of(new long[] {1, 2, 3}, new long[0]));

    assertThat(fleet.allPrintingNanos()).isEmpty();
    assertThat(fleet.lastLabel()).isEqualTo(3);
  }

  @Test
  void theBusiestWindowCountsLabelsOfAllPrintersTogether() {
    long[] one = {0, 10, 20, 100};
    long[] two = {5, 15, 200};

    assertThat(Fleet.busiest(List.of(one, two), 20)).as("0 5 10 15").isEqualTo(4);
    assertThat(Fleet.busiest(List.of(one, two), 1)).isEqualTo(1);
    assertThat(Fleet.busiest(List.of(new long[0]), 20)).isZero();
  }
}
