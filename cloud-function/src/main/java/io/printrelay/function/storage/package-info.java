/**
 * The DynamoDB adapters behind the features' store interfaces. Item layout, keys and index names
 * come from the shared {@code io.printrelay.table} contract; every status write is conditional.
 */
package io.printrelay.function.storage;
