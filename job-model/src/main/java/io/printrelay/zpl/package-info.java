/** ZPL text handling shared by the function (splitting documents) and the agent. */
package io.printrelay.zpl;
