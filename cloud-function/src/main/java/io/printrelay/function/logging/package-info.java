/**
 * What the functions' log lines carry besides their message: the job and printer they are about.
 */
package io.printrelay.function.logging;
