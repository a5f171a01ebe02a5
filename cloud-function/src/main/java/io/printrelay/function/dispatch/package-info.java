/**
 * Getting stored jobs onto their queues: the one dispatch protocol ({@link
 * io.printrelay.function.dispatch.Dispatcher}: send a claimed dispatch, confirm it only forward),
 * and the sweep that sends what a submit or an action stored but did not get sent, sends again a
 * queued job whose message may be lost, shows what the dead-letter queues hold (with the operators'
 * redrive), or sends everything again after the queues lost their messages (a `printrelay local`
 * restart).
 */
package io.printrelay.function.dispatch;
