package io.printrelay.local.bench;

/** The figures of the result table, in the order printed. */
enum Row {
  LAST_LABEL("submit answered → last label on paper"),
  PRINTER_ALONE("  the printer's own time"),
  FIRST_LABEL("submit answered → first label on paper"),
  RATE("labels/s (the printers' limit)"),
  RATE_ALL_PRINTING("  while every printer was printing"),
  RATE_BUSIEST("  in the busiest 5 s"),
  API_BEHIND("API behind paper, most labels seen"),
  API_AHEAD("API ahead of paper, most labels seen"),
  OUTAGE_PRINTED("labels on paper during the outage"),
  OUTAGE_API("outage end → API shows paper's count"),
  OUTAGE_NEXT_LABEL("outage end → next label on paper"),
  DYNAMODB("DynamoDB requests/label"),
  WRITE_UNITS("DynamoDB write units/label"),
  SQS("SQS requests/label"),
  UNANSWERED("requests lost to the outage"),
  CPU("agent CPU ms/label"),
  MEMORY("agent RSS idle / peak, MiB");

  private final String title;

  Row(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }
}
