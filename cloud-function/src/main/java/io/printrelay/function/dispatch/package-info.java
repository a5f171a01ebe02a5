/**
 * Getting stored jobs onto their queues when the submit's own send did not happen (the sweep), or
 * again after the queues lost their messages (a `printrelay local` restart).
 */
package io.printrelay.function.dispatch;
