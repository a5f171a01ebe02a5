/** ElasticMQ and DynamoDB Local in-process, for `printrelay local` and the tests. */
package io.printrelay.embedded;
