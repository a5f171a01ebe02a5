package io.printrelay.function.printers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A list in an object, so that it can grow a page token without breaking callers. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PrinterList(List<PrinterView> printers) {}
