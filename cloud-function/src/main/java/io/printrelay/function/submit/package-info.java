/**
 * Submitting a print job ({@code POST /v1/jobs}): the request as documented and validated, its
 * labels rendered, an earlier job answered for a repeated Idempotency-Key, and the new job handed
 * to {@code intake}.
 */
package io.printrelay.function.submit;
