// What to do next after a platform refusal, in the SDK's words (its options). The CLI swaps these for
// its own flags and variables (src/cli/nextSteps.ts), so a message never names both.

/** The SDK's next step for a code, appended to the message as `; <step>`. */
const SDK_NEXT_STEPS: Readonly<Record<string, string>> = {
  MISSING_SPACE_ID: 'give the Space’s id as the client’s `spaceGuid` option',
  // A 401 after the forced refresh: a fixed `token` has likely expired, else the account is wrong.
  UNAUTHORIZED:
    'a JWT lasts five minutes: give `jwt` credentials or a renewing `getToken`; check the account, user and API token',
};

/** `message; next step` for a code the SDK has a next step for. */
export function withSdkNextStep(code: string, message: string): string {
  const step = SDK_NEXT_STEPS[code];
  return step ? `${message}; ${step}` : message;
}

/** The message without the SDK's next step, for a front end that names its own. */
export function withoutSdkNextStep(code: string, message: string): string {
  const step = SDK_NEXT_STEPS[code];
  return step && message.endsWith(`; ${step}`) ? message.slice(0, -(step.length + 2)) : message;
}
