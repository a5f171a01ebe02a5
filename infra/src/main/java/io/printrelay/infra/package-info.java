/** The AWS CDK app deploying Printrelay's queues, table, functions, HTTP API and agent access. */
package io.printrelay.infra;
