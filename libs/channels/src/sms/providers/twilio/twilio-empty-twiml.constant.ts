// Twilio's answer when there is nothing to say: replies go out through the REST API from the worker.
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
