package io.printrelay.infra;

/**
 * How much traffic the API takes before it refuses: the HTTP API's default route throttle and the
 * API function's reserved concurrency. Together they bound what a flood (a sign-in guessing run, a
 * runaway Odoo retry loop) can cost and keep it from starving the account's other functions of
 * Lambda concurrency.
 *
 * @param rateLimit steady requests per second across the whole API (API Gateway's token bucket
 *     refill rate); beyond it the gateway answers 429 without invoking the function
 * @param burstLimit requests the bucket holds, so the most that can arrive at once
 * @param reservedConcurrency instances the API function may run at once, and the concurrency the
 *     account keeps for it. Beyond it Lambda refuses the invocation and the gateway answers with a
 *     5xx, not a 429, so it must be at least the burst: the gateway's 429 comes first
 */
public record ApiLimits(int rateLimit, int burstLimit, int reservedConcurrency) {
  // An operator screen asks twice every ~1.5 s, so 25 requests a second serve about fifteen screens
  // next to Odoo's submits; a warm request takes well under a second, so 50 instances absorb the
  // whole burst. Both are far below the account defaults (10,000 requests a second, 5,000 burst,
  // 1,000 concurrent executions of which 100 must stay unreserved).
  public static final ApiLimits DEFAULT = new ApiLimits(25, 50, 50);

  // API Gateway's per-account, per-region default quotas: a stage cannot allow more.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
  private static final int MAX_RATE = 10_000;
  private static final int MAX_BURST = 5_000;

  public ApiLimits {
    require(
        rateLimit >= 1 && rateLimit <= MAX_RATE,
        "apiRateLimit",
        rateLimit,
        "1 to " + MAX_RATE + " requests per second");
    require(
        burstLimit >= 1 && burstLimit <= MAX_BURST,
        "apiBurstLimit",
        burstLimit,
        "1 to " + MAX_BURST + " requests");
    require(
        reservedConcurrency >= burstLimit,
        "apiReservedConcurrency",
        reservedConcurrency,
        "at least apiBurstLimit ("
            + burstLimit
            + "), so a burst the gateway lets through finds"
            + " an instance instead of a 500");
  }

  private static void require(boolean valid, String key, int value, String expected) {
    if (!valid) {
      throw new IllegalArgumentException(
          "context " + key + " '" + value + "' is invalid: expected " + expected);
    }
  }
}
