/** The DynamoDB table contract: key shapes, attribute and index names, item mapping, creation. */
package io.printrelay.table;
