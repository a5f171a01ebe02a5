/**
 * `printrelay bench`: the local system with the agent in its own JVM behind the AWS proxy,
 * scenarios that print on virtual printers, and one table of figures (not a pass/fail test).
 */
package io.printrelay.local.bench;
