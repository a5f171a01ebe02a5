/** Configuration records bound from {@code printrelay.*} properties, and the AWS client beans. */
package io.printrelay.function.config;
