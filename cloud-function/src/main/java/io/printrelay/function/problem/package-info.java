/**
 * Every error the API answers, as RFC 9457 {@code application/problem+json}: the few rejections the
 * features throw, and the one place that turns them (and Micronaut's own errors) into HTTP.
 */
package io.printrelay.function.problem;
