/** Building the AWS SDK clients the function, the agent and the emulators share. */
package io.printrelay.aws;
