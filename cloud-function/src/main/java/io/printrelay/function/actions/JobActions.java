package io.printrelay.function.actions;

import jakarta.inject.Singleton;

/** The job action use cases, handed to the controller as one. */
@Singleton
public record JobActions(
    PauseJob pause,
    ResumeJob resume,
    CancelJob cancel,
    ReprintJob reprint,
    ChangePriority priority) {}
