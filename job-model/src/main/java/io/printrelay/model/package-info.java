/** The job, label and printer model and their state machines; free of AWS and HTTP types. */
package io.printrelay.model;
