package io.printrelay.local.bench;

import io.printrelay.local.awsproxy.Traffic;
import java.time.Duration;

/**
 * What the agent used during one scenario's measured window.
 *
 * @param dynamoDb its DynamoDB requests, by operation, and the write units reported
 * @param sqs its SQS requests, by operation
 * @param cpu CPU time of the agent's JVM (user + system)
 * @param residentIdleKib VmRSS once started and idle, before the first submit; -1 if unknown
 * @param residentPeakKib VmHWM at the end: the most the JVM ever held resident; -1 if unknown
 */
record Usage(
    Traffic dynamoDb, Traffic sqs, Duration cpu, long residentIdleKib, long residentPeakKib) {}
