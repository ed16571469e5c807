// The closed set of reasons a call to a configured URL can fail without an answer. Their messages are fixed
// texts: they never carry the remote body, the address or port reached, or credentials from the URL.
export enum OutboundHttpFailureKind {
  // Not an http(s) URL, or user:password@ in it.
  InvalidUrl = 'INVALID_URL',
  // The host is, or resolves to, a loopback, private, link-local or otherwise non-public address.
  RefusedAddress = 'REFUSED_ADDRESS',
  Timeout = 'TIMEOUT',
  // Refused, reset or unresolvable: deliberately one kind, so an open port cannot be told from a closed one.
  Network = 'NETWORK',
  ResponseTooLarge = 'RESPONSE_TOO_LARGE',
  TooManyRedirects = 'TOO_MANY_REDIRECTS',
}

const MESSAGES: Record<OutboundHttpFailureKind, string> = {
  [OutboundHttpFailureKind.InvalidUrl]: 'the URL must be http(s) without credentials',
  [OutboundHttpFailureKind.RefusedAddress]: 'the address is private, loopback or link-local, which this deployment does not allow',
  [OutboundHttpFailureKind.Timeout]: 'timed out',
  [OutboundHttpFailureKind.Network]: 'could not be reached',
  [OutboundHttpFailureKind.ResponseTooLarge]: 'answered with a response that is too large',
  [OutboundHttpFailureKind.TooManyRedirects]: 'redirected too many times',
};

export class OutboundHttpFailure extends Error {
  constructor(readonly kind: OutboundHttpFailureKind) {
    super(MESSAGES[kind]);
    this.name = 'OutboundHttpFailure';
  }
}
