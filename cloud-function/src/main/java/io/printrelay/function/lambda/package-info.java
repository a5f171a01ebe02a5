/** The AWS Lambda entry point of the HTTP API, behind an API Gateway HTTP API (payload 2.0). */
package io.printrelay.function.lambda;
