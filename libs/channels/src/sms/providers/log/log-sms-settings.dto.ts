// The log provider sends nothing, so it has nothing to configure; any field given is refused by name.
export class LogSmsSettingsDto {}
