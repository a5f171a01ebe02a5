/**
 * The Printrelay cloud function: the HTTP API (Lambda behind API Gateway, or Netty for `printrelay
 * local`) that accepts print jobs into DynamoDB and SQS and reports their progress.
 */
package io.printrelay.function;
