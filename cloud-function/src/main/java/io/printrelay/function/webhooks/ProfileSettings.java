package io.printrelay.function.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What an intake profile makes of a webhook's body (docs/api.md#intake-profiles): the body of a
 * create or change, and what the table stores as JSON. Checked by {@link ProfileRules}.
 *
 * @param model the Odoo model whose records it prints ({@code mrp.production}); a webhook for
 *     another is refused, and its record never read. Absent: any model
 * @param fields placeholder of the template → the body field whose value fills it
 * @param reference the body field whose value becomes the job's reference (Odoo's {@code name},
 *     say); absent: {@code model/id}
 * @param odoo where to read the record's fields instead of the webhook's body; then every field
 *     named may be a path through many2one relations ({@code product_id.name})
 * @param statusUrl where to post each job's status (an Odoo "On webhook" rule's URL); none: Odoo is
 *     not told
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "How a webhook's body becomes print jobs")
public record ProfileSettings(
    @Schema(example = "MO labels, line 1") String name,
    @Nullable @Schema(example = "mrp.production") String model,
    PrinterRule printer,
    @Schema(example = "^XA^CI28^FO30,30^A0N,40^FD{{product}}^FS^XZ") String template,
    @Schema(description = "Placeholder to body field") Map<String, String> fields,
    QuantityRule quantity,
    @Nullable
        @Schema(
            type = "string",
            allowableValues = {"high", "normal", "low"})
        String priority,
    @Nullable @Schema(example = "name") String reference,
    @Nullable OdooConnection odoo,
    @Nullable @Schema(example = "https://example.odoo.com/web/hook/0f1e...") String statusUrl) {

  /**
   * An Odoo database to read records from, through one of its external APIs.
   *
   * @param url the database's base URL, {@code https://example.odoo.com}
   * @param api {@code json-rpc} (every Odoo version; also when absent) or {@code json-2} (Odoo 19
   *     and later)
   * @param database the database's name: required for JSON-RPC; for JSON-2 only where the server
   *     hosts several databases (sent as {@code X-Odoo-Database})
   * @param user the login of the user whose API key this is
   * @param apiKey the user's API key: written, never answered (null in every answer). Stored sealed
   *     ({@link ApiKeySeal}); a change that sends null keeps the stored one
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OdooConnection(
      @Schema(example = "https://example.odoo.com") String url,
      @Nullable
          @Schema(
              type = "string",
              allowableValues = {"json-rpc", "json-2"},
              defaultValue = "json-rpc")
          String api,
      @Nullable @Schema(example = "example") String database,
      @Schema(example = "printrelay@example.com") String user,
      @Nullable @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) String apiKey) {}

  ProfileSettings withOdoo(@Nullable OdooConnection connection) {
    return new ProfileSettings(
        name,
        model,
        printer,
        template,
        fields,
        quantity,
        priority,
        reference,
        connection,
        statusUrl);
  }

  /**
   * Which printer: a fixed {@code printerId}, or the value of a body {@code field} looked up in
   * {@code map} (an Odoo relation is a bare id: {@code {"3": "line-1"}}).
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PrinterRule(
      @Nullable String printerId, @Nullable String field, @Nullable Map<String, String> map) {}

  /**
   * How many labels: a fixed count, or a numeric body field rounded {@code up}, {@code down} or to
   * the {@code nearest} whole number (half up).
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record QuantityRule(
      @Nullable Integer fixed, @Nullable String field, @Nullable String rounding) {}
}
