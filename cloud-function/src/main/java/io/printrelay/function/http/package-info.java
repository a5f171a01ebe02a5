/**
 * What every controller that takes a body needs: the one content-type check and the one JSON body
 * reader (size limit, malformed JSON), so every endpoint refuses a bad body the same way. And what
 * a request says about how it reached us, decided once: over HTTPS or not ({@code Https}), and from
 * which address ({@code SourceAddress}).
 */
package io.printrelay.function.http;
