/**
 * What every controller that takes a body needs: the one content-type check and the one JSON body
 * reader (size limit, malformed JSON), so every endpoint refuses a bad body the same way.
 */
package io.printrelay.function.http;
