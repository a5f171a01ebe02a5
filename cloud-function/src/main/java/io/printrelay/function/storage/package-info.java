/**
 * The DynamoDB adapters behind the features' ports. They name no attribute and write no expression:
 * every request, key, item shape and condition comes from the shared {@code io.printrelay.table}
 * package, where status writes are conditional by the job state machine.
 */
package io.printrelay.function.storage;
