// Package client is a Go client for the example API, on the generated
// errors.go (package apierrors, copied into ../apierrors).
//
// Every error response goes through apierrors.Decode, which keeps any code:
// when the server adds a code after this client was built, the client still
// gets the code and the message as sent, and decides what to do from the HTTP
// status (Recovery). How long to wait before a retry is never guessed: it is
// what the server says, in the error's retry_after (Error.RetryAfter) or the
// Retry-After header, or else exponential backoff from BackoffStart for a
// code whose retry advice is RetryBackoff. Responses that are not the API's (a
// proxy's HTML page, a body over MaxBodyBytes) are errors of their own.
package client

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"example.com/service/apierrors"
)

// MaxBodyBytes is the largest response body the client reads. Error bodies are
// a few hundred bytes.
const MaxBodyBytes = 1 << 20

// BackoffStart is the first wait of a backoff recovery, which doubles with each
// attempt up to BackoffMax.
const BackoffStart = time.Second

// BackoffMax is the longest wait of a backoff recovery.
const BackoffMax = 60 * time.Second

// APIError is an error response of the API: a known code, or a newer one.
type APIError struct {
	// Err is the decoded body.
	Err *apierrors.Error

	// RetryAfter is the Retry-After header's wait, if the response had one.
	RetryAfter *time.Duration
}

// Error gives the status, the code and the message.
func (e *APIError) Error() string { return e.Err.Error() }

// Unwrap gives the decoded body, so that errors.Is(err, apierrors.ErrInvalidToken) holds.
func (e *APIError) Unwrap() error { return e.Err }

// TooLargeError is a response whose body is over MaxBodyBytes.
type TooLargeError struct {
	// Status is the response's HTTP status.
	Status int
}

// Error says the body is too large.
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%d: the response body is over %d bytes", e.Status, MaxBodyBytes)
}

// UnexpectedError is a response the API does not send: not JSON, or JSON of
// another shape.
type UnexpectedError struct {
	// Status is the response's HTTP status.
	Status int

	// Reason says what is wrong with it.
	Reason string
}

// Error says what is wrong with the response.
func (e *UnexpectedError) Error() string {
	return fmt.Sprintf("%d: not a response of the API: %s", e.Status, e.Reason)
}

// TransportError is a request that did not complete.
type TransportError struct {
	// Err is why.
	Err error
}

// Error says why the request failed.
func (e *TransportError) Error() string { return "the request failed: " + e.Err.Error() }

// Unwrap gives the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// RecoveryKind says what to do about a failed call.
type RecoveryKind string

// The recoveries.
const (
	// Retry: try again after the wait the server said.
	Retry RecoveryKind = "retry"
	// Backoff: transient; try again with exponential backoff (see Recovery.Delay).
	Backoff RecoveryKind = "backoff"
	// Reauthenticate: get a valid token first.
	Reauthenticate RecoveryKind = "reauthenticate"
	// FixRequest: the request itself is wrong.
	FixRequest RecoveryKind = "fix-request"
	// AddFunds: the account needs money or a plan.
	AddFunds RecoveryKind = "add-funds"
	// GiveUp: retrying does not help.
	GiveUp RecoveryKind = "give-up"
)

// Recovery is what to do about a failed call; After is the server's wait for
// Retry.
type Recovery struct {
	// Kind is what to do.
	Kind RecoveryKind
	// After is the server's wait, for Retry.
	After time.Duration
}

func retry(after time.Duration) Recovery {
	return Recovery{Kind: Retry, After: max(after, 0)}
}

// Delay is how long to wait before attempt (0 for the first retry), and false
// when retrying does not help: the server's wait for Retry, and BackoffStart
// doubled per attempt, up to BackoffMax, for Backoff.
func (r Recovery) Delay(attempt int) (time.Duration, bool) {
	switch r.Kind {
	case Retry:
		return r.After, true
	case Backoff:
		wait := BackoffMax
		if attempt < 16 {
			wait = min(BackoffStart<<attempt, BackoffMax)
		}
		return wait, true
	}
	return 0, false
}

// RecoveryOf decides what to do about err, by code. A code this client does
// not know (the server is newer), or one whose details are not what this
// client's catalogue says, is handled by its HTTP status.
func RecoveryOf(err error) Recovery {
	var api *APIError
	var transport *TransportError
	switch {
	case errors.As(err, &api):
		if !api.Err.Known() {
			return byStatus(api.Err.Status, api.RetryAfter)
		}
		return byCode(api.Err, api.RetryAfter)
	case errors.As(err, &transport):
		return Recovery{Kind: Backoff}
	}
	return Recovery{Kind: GiveUp}
}

// serverWait is what the catalogue says about retrying e's code, with the
// server's numbers.
func serverWait(e *apierrors.Error, header *time.Duration) Recovery {
	if wait, ok := e.RetryAfter(); ok {
		return retry(wait)
	}
	info, _ := apierrors.Lookup(e.Code)
	switch info.Retry {
	case apierrors.RetryAfter, apierrors.RetryBackoff:
		if header == nil {
			return Recovery{Kind: Backoff}
		}
		return retry(*header)
	}
	return Recovery{Kind: GiveUp}
}

func byCode(e *apierrors.Error, header *time.Duration) Recovery {
	switch e.Code {
	case apierrors.CodeMissingAuthHeaders, apierrors.CodeInvalidToken, apierrors.CodeTokenInactive,
		apierrors.CodeTokenExpired, apierrors.CodeUnauthorized, apierrors.CodeTokenDeleted:
		return Recovery{Kind: Reauthenticate}
	// The clock or the signing code is off, not the token.
	case apierrors.CodeMissingSignature, apierrors.CodeInvalidSignature, apierrors.CodeSignatureExpired,
		apierrors.CodePaygConfirmRequired, apierrors.CodeValidationError, apierrors.CodeAlreadyExists,
		apierrors.CodeInvalidJSON, apierrors.CodeInvalidAmountFormat, apierrors.CodeInvalidOTP,
		apierrors.CodeOTPExpired, apierrors.CodeTestMessageFailed:
		return Recovery{Kind: FixRequest}
	case apierrors.CodeInsufficientBalance, apierrors.CodeNoAPIAccess, apierrors.CodePlanLimitReached,
		apierrors.CodePaygLimitReached:
		return Recovery{Kind: AddFunds}
	case apierrors.CodeRateLimitExceeded, apierrors.CodeOTPWaitRequired, apierrors.CodeSendMessageFailed,
		apierrors.CodeSendMediaFailed, apierrors.CodeServerDown, apierrors.CodeSessionNotReady,
		apierrors.CodeMaintenanceMode:
		return serverWait(e, header)
	case apierrors.CodeIPNotAllowed, apierrors.CodeOTPResendLimit, apierrors.CodeTooManyAttempts,
		apierrors.CodeInternalError:
		return Recovery{Kind: GiveUp}
	}
	// A code of the catalogue this switch misses: decide as for an unknown one.
	return byStatus(e.Status, header)
}

// byStatus handles a code this client does not know: by its status, waiting
// what Retry-After says, if anything.
func byStatus(status int, header *time.Duration) Recovery {
	switch {
	case status == 401 || status == 403:
		return Recovery{Kind: Reauthenticate}
	case status == 402:
		return Recovery{Kind: AddFunds}
	case status == 500:
		return Recovery{Kind: GiveUp}
	case status == 429 || (status > 500 && status <= 599):
		if header == nil {
			return Recovery{Kind: Backoff}
		}
		return retry(*header)
	}
	return Recovery{Kind: FixRequest}
}

// Violations returns the inputs the server refused, and why, for
// validation_error; none for every other error.
func Violations(err error) []apierrors.FieldViolation {
	var api *APIError
	if !errors.As(err, &api) {
		return nil
	}
	if details, ok := api.Err.Details.(*apierrors.ValidationErrorDetails); ok {
		return details.Violations
	}
	return nil
}

// Describe is a human-readable account of err, with each input the server
// refused.
func Describe(err error) string {
	var api *APIError
	if !errors.As(err, &api) {
		return err.Error()
	}
	var text strings.Builder
	fmt.Fprintf(&text, "%d: %s (%v)", api.Err.Status, api.Err.Message, api.Err.Code)
	for _, violation := range Violations(err) {
		fmt.Fprintf(&text, "\n  %s: %s", violation.Field, violation.Reason)
	}
	return text.String()
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// RetryAfterHeader is the Retry-After header's wait; nil without one, or with
// an HTTP date (which this API does not send).
func RetryAfterHeader(header http.Header) *time.Duration {
	value := strings.TrimSpace(header.Get("Retry-After"))
	if !digits.MatchString(value) {
		return nil
	}
	seconds, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		return nil
	}
	wait := time.Duration(seconds) * time.Second
	return &wait
}

// ReadResponse reads a response: a success body into value (when not nil), or
// the error it is. A body that is too large, not JSON or of another shape is
// an error of its own type.
func ReadResponse(response *http.Response, value any) error {
	defer response.Body.Close()
	status := response.StatusCode
	if response.ContentLength > MaxBodyBytes {
		return &TooLargeError{Status: status}
	}
	// One byte more than the limit tells a body at the limit from one over it.
	body, err := io.ReadAll(io.LimitReader(response.Body, MaxBodyBytes+1))
	if err != nil {
		return &TransportError{Err: err}
	}
	if len(body) > MaxBodyBytes {
		return &TooLargeError{Status: status}
	}
	if !json.Valid(body) {
		start := body[:min(len(body), 80)]
		return &UnexpectedError{Status: status, Reason: fmt.Sprintf("not JSON; the body starts with %q", start)}
	}
	if status >= 200 && status <= 299 {
		if value != nil {
			if err := json.Unmarshal(body, value); err != nil {
				return &UnexpectedError{Status: status, Reason: "the success body has another shape: " + err.Error()}
			}
		}
		return nil
	}
	decoded, err := apierrors.Decode(status, body)
	if err != nil {
		return &UnexpectedError{Status: status, Reason: err.Error()}
	}
	return &APIError{Err: decoded, RetryAfter: RetryAfterHeader(response.Header)}
}

// Sign is the signature of a request with body sent at timestamp (seconds
// since 1970), as X-Signature carries it: the hex HMAC-SHA256 of
// "<timestamp>.<body>", keyed with the token's signing secret.
func Sign(secret string, timestamp int64, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%d.%s", timestamp, body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Account is the caller's account.
type Account struct {
	// Name is the account's name.
	Name string `json:"name"`
	// PlanMessagesLeft is what the plan still allows; nil without a plan.
	PlanMessagesLeft *int64 `json:"plan_messages_left"`
	// WalletCents is the wallet's balance.
	WalletCents int64 `json:"wallet_cents"`
}

// MessageSent is a message handed to WhatsApp.
type MessageSent struct {
	// ChargedCents is what the message cost the wallet.
	ChargedCents int64 `json:"charged_cents"`
}

// Client calls the API with a token and its signing secret.
type Client struct {
	// BaseURL is the API's address, without a trailing slash.
	BaseURL string
	// Token is the API token, sent as X-Token.
	Token string
	// SigningSecret signs requests that must be signed (see Sign).
	SigningSecret string
	// HTTP sends the requests.
	HTTP *http.Client
}

// New is a client of the API at baseURL.
func New(baseURL, token, signingSecret string) *Client {
	return &Client{
		BaseURL:       strings.TrimRight(baseURL, "/"),
		Token:         token,
		SigningSecret: signingSecret,
		HTTP:          &http.Client{Timeout: 30 * time.Second},
	}
}

// send sends a request to path with the token; with signed, also the
// signature headers. The response's body is read into value.
func (c *Client) send(method, path string, body any, signed bool, value any) error {
	var text []byte
	if body != nil {
		var err error
		if text, err = json.Marshal(body); err != nil {
			return err
		}
	}
	request, err := http.NewRequest(method, c.BaseURL+path, bytes.NewReader(text))
	if err != nil {
		return &TransportError{Err: err}
	}
	request.Header.Set("X-Token", c.Token)
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	if signed {
		timestamp := time.Now().Unix()
		request.Header.Set("X-Timestamp", strconv.FormatInt(timestamp, 10))
		request.Header.Set("X-Signature", Sign(c.SigningSecret, timestamp, string(text)))
	}
	response, err := c.HTTP.Do(request)
	if err != nil {
		return &TransportError{Err: err}
	}
	return ReadResponse(response, value)
}

// Account is the caller's account.
func (c *Client) Account() (*Account, error) {
	var account Account
	if err := c.send(http.MethodGet, "/v1/account", nil, false, &account); err != nil {
		return nil, err
	}
	return &account, nil
}

// SendMessage sends a text message.
func (c *Client) SendMessage(to, text string, confirmCharge bool) (*MessageSent, error) {
	message := map[string]any{"to": to, "text": text, "confirm_charge": confirmCharge}
	var sent MessageSent
	if err := c.send(http.MethodPost, "/v1/messages", message, true, &sent); err != nil {
		return nil, err
	}
	return &sent, nil
}
