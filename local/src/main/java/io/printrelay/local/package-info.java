/** `printrelay local`: the whole system in one process on this machine. */
package io.printrelay.local;
