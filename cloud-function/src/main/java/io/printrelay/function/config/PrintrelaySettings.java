package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.printrelay.queue.QueueNames;
import io.printrelay.table.TableName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where the deployment's data lives, and the API keys given as bare hashes.
 *
 * @param table the DynamoDB table ({@code PRINTRELAY_TABLE} on Lambda); named by {@link
 *     TableName}'s rule
 * @param queuePrefix names the three FIFO queues {@code <prefix>-high.fifo} etc.; {@link
 *     QueueNames}' prefix rule
 * @param apiKeysSha256 comma-separated hex SHA-256 hashes of integration keys: how the Lambda gets
 *     them, from {@code PRINTRELAY_API_KEYS_SHA256}; the N-th becomes key {@code key-N}
 * @param operatorAccounts comma-separated {@code username:role:password-hash} entries: how the
 *     Lambda gets operator accounts, from {@code PRINTRELAY_OPERATOR_ACCOUNTS} (indexed environment
 *     variables do not bind to {@code printrelay.operators}); added to those
 */
@ConfigurationProperties("printrelay")
public record PrintrelaySettings(
    @Bindable(defaultValue = TableName.DEFAULT) @NotBlank @Pattern(regexp = TableName.PATTERN)
        String table,
    @Bindable(defaultValue = QueueNames.DEFAULT_PREFIX)
        @NotBlank
        @Pattern(regexp = QueueNames.PREFIX_PATTERN)
        String queuePrefix,
    @Nullable String apiKeysSha256,
    @Nullable String operatorAccounts) {}
