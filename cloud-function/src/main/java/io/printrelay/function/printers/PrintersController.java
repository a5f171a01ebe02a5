package io.printrelay.function.printers;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /v1/printers}: everyone reads; operators pause, resume and clear. */
@Controller("/v1/printers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Printers")
public class PrintersController {
  private final ReadPrinters read;
  private final PrinterActions actions;

  public PrintersController(ReadPrinters read, PrinterActions actions) {
    this.read = read;
    this.actions = actions;
  }

  @Get
  @Secured({Roles.INTEGRATION, Roles.OPERATOR, Roles.VIEWER})
  @ApiProblems.ForReads
  @Operation(
      operationId = "listPrinters",
      summary = "Every printer an agent registered, with its status and queue")
  public PrinterList list() {
    return read.list();
  }

  @Get("/{printerId}")
  @Secured({Roles.INTEGRATION, Roles.OPERATOR, Roles.VIEWER})
  @ApiProblems.ForReads
  @Operation(operationId = "getPrinter", summary = "One printer")
  public PrinterView printer(@PathVariable String printerId) {
    return read.printer(printerId);
  }

  @Post("/{printerId}/pause")
  @Secured(Roles.OPERATOR)
  @ApiProblems.ForChanges
  @Operation(
      operationId = "pausePrinter",
      summary = "Hold every job of the printer until resumed",
      description =
          "A printing job stops at the next label boundary; the pause lasts across"
              + " restarts of agent and cloud.")
  public PrinterView pause(@PathVariable String printerId) {
    return actions.pause(printerId);
  }

  @Post("/{printerId}/resume")
  @Secured(Roles.OPERATOR)
  @ApiProblems.ForChanges
  @Operation(operationId = "resumePrinter", summary = "Lift the operator's pause")
  public PrinterView resume(@PathVariable String printerId) {
    return actions.resume(printerId);
  }

  @Post("/{printerId}/clear")
  @Secured(Roles.OPERATOR)
  @ApiProblems.ForChanges
  @Operation(
      operationId = "clearPrinter",
      summary = "Cancel every waiting (queued or paused) job of the printer",
      description = "Answers how many were cancelled; a job printing goes on.")
  public ClearedQueue clear(@PathVariable String printerId) {
    return actions.clear(printerId);
  }
}
