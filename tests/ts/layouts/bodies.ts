// Error bodies of real APIs, as their public documentation shows them
// (examples for the tests, with identifiers shortened; not affiliated), and
// one of a catalogue without `body:`. Each layout's checks in this folder
// accept the bodies of its own kind and reject the others: a guard written
// for one layout must not take another API's body for one of its own.

/** The body of each API, as JSON text. */
export const BODIES = {
  /** Meta's Graph API (WhatsApp Cloud API): nested, an integer code, `error_data`. */
  meta: '{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"error_user_title":"Re-engagement message","fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}',
  /** Twilio: flat, an integer code, `more_info` and the status. */
  twilio:
    '{"code":20404,"message":"The requested resource /2010-04-01/Accounts/AC123/Messages/SM123.json was not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}',
  /** OpenAI: a string code nested under `error`. */
  openai:
    '{"error":{"message":"Incorrect API key provided: sk-abc123. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
  /** Stripe: OpenAI's layout, with `doc_url`. */
  stripe:
    '{"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing","message":"No such customer: \'cus_123\'","param":"id","type":"invalid_request_error"}}',
  /** RFC 9457's own example of problem details: no `status`, no `code`. */
  rfc9457:
    '{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}',
  /** Vonage's problem details: no `status`, no `code`. */
  vonage:
    '{"type":"https://developer.nexmo.com/api-errors#unauthorized","title":"Invalid credentials supplied","detail":"You did not provide correct credentials.","instance":"797a8f199c45014ab7b08bfe9cc1c12c"}',
  /** A catalogue without `body:`: `{"error": <code>, "message"}`. */
  legacy: '{"error":"invalid_token","message":"The API Token provided is invalid."}',
} as const;

/** The name of an API of {@link BODIES}. */
export type Api = keyof typeof BODIES;

/** Each API's body, parsed. */
export function parsedBodies(): [Api, unknown][] {
  return (Object.keys(BODIES) as Api[]).map((api) => [api, JSON.parse(BODIES[api])]);
}
