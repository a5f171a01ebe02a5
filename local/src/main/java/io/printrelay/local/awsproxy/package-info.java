/**
 * A loopback HTTP proxy in front of the embedded SQS or DynamoDB, for the bench and tests only: it
 * adds a round-trip time, black-holes traffic (refused or unanswered), counts requests per
 * operation and sums the DynamoDB write units the emulator reports.
 */
package io.printrelay.local.awsproxy;
