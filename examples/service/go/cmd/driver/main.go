// Command driver is the Go half of the end-to-end test
// (examples/service/tests/end_to_end.rs).
//
// Usage: driver <plan.json>
//
// It runs every step of the plan's scenarios with net/http, reads each
// response with the example client's ReadResponse, and prints one JSON line
// per step, in the TypeScript driver's Report shape, for the Rust test to
// compare with what it expects. Then it calls the typed client methods.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"

	"example.com/service/apierrors"
	"example.com/service/client"
)

type step struct {
	Server  string            `json:"server"`
	Method  string            `json:"method"`
	Path    string            `json:"path"`
	Token   *string           `json:"token"`
	Headers map[string]string `json:"headers"`
	Body    *string           `json:"body"`
	Sign    *string           `json:"sign"`
}

type plan struct {
	Servers   map[string]string `json:"servers"`
	Scenarios []struct {
		Name  string `json:"name"`
		Steps []step `json:"steps"`
	} `json:"scenarios"`
	Typed struct {
		Server        string `json:"server"`
		Token         string `json:"token"`
		SigningSecret string `json:"signingSecret"`
	} `json:"typed"`
}

// report is what a step's response was, as the client sees it.
type report struct {
	Scenario         string          `json:"scenario"`
	Step             int             `json:"step"`
	Outcome          string          `json:"outcome"`
	Status           *int            `json:"status,omitempty"`
	Code             any             `json:"code,omitempty"`
	Message          *string         `json:"message,omitempty"`
	Known            *bool           `json:"known,omitempty"`
	KnownStatus      *int            `json:"knownStatus,omitempty"`
	CatalogueMessage *string         `json:"catalogueMessage,omitempty"`
	Recovery         map[string]any  `json:"recovery,omitempty"`
	Delay            *int64          `json:"delay,omitempty"`
	Details          json.RawMessage `json:"details,omitempty"`
	RetryAfter       *int64          `json:"retryAfter,omitempty"`
	Described        *string         `json:"described,omitempty"`
	Reason           *string         `json:"reason,omitempty"`
}

func outcome(err error) string {
	var (
		api        *client.APIError
		tooLarge   *client.TooLargeError
		unexpected *client.UnexpectedError
	)
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &api):
		return "api"
	case errors.As(err, &tooLarge):
		return "too-large"
	case errors.As(err, &unexpected):
		return "unexpected"
	}
	return "transport"
}

func describe(scenario string, index int, err error, status *int) report {
	out := report{Scenario: scenario, Step: index, Outcome: outcome(err), Status: status}
	if err == nil {
		return out
	}
	recovery := client.RecoveryOf(err)
	out.Recovery = map[string]any{"kind": recovery.Kind}
	if recovery.Kind == client.Retry {
		out.Recovery["afterSeconds"] = int64(recovery.After / time.Second)
	}
	if delay, ok := recovery.Delay(0); ok {
		seconds := int64(delay / time.Second)
		out.Delay = &seconds
	}
	var (
		api        *client.APIError
		unexpected *client.UnexpectedError
		transport  *client.TransportError
	)
	switch {
	case errors.As(err, &api):
		e := api.Err
		out.Code, out.Message = e.Code, &e.Message
		info, known := apierrors.Lookup(e.Code)
		out.Known = &known
		out.Details = e.RawDetails
		if api.RetryAfter != nil {
			seconds := int64(*api.RetryAfter / time.Second)
			out.RetryAfter = &seconds
		}
		if len(client.Violations(err)) > 0 {
			described := client.Describe(err)
			out.Described = &described
		}
		if known {
			out.KnownStatus, out.CatalogueMessage = &info.Status, &info.Message
		}
	case errors.As(err, &unexpected):
		out.Reason = &unexpected.Reason
	case errors.As(err, &transport):
		reason := transport.Err.Error()
		out.Reason = &reason
	}
	return out
}

func run(base string, s step) (*int, error) {
	body := ""
	if s.Body != nil {
		body = *s.Body
	}
	request, err := http.NewRequest(s.Method, base+s.Path, bytes.NewReader([]byte(body)))
	if err != nil {
		return nil, &client.TransportError{Err: err}
	}
	for name, value := range s.Headers {
		request.Header.Set(name, value)
	}
	if s.Token != nil {
		request.Header.Set("X-Token", *s.Token)
	}
	if s.Body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	if s.Sign != nil && s.Token != nil {
		secret := *s.Token + "-signing-secret"
		timestamp := time.Now().Unix()
		if *s.Sign == "stale" {
			timestamp -= 3600
		}
		if *s.Sign == "wrong" {
			secret = "not-the-secret"
		}
		request.Header.Set("X-Timestamp", strconv.FormatInt(timestamp, 10))
		request.Header.Set("X-Signature", client.Sign(secret, timestamp, body))
	}
	response, err := (&http.Client{Timeout: 30 * time.Second}).Do(request)
	if err != nil {
		return nil, &client.TransportError{Err: err}
	}
	status := response.StatusCode
	var anything any
	return &status, client.ReadResponse(response, &anything)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: driver <plan.json>")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var p plan
	if err := json.Unmarshal(data, &p); err != nil {
		panic(err)
	}
	lines := json.NewEncoder(os.Stdout)
	for _, scenario := range p.Scenarios {
		for index, s := range scenario.Steps {
			base, ok := p.Servers[s.Server]
			if !ok {
				panic("no server " + s.Server)
			}
			status, err := run(base, s)
			if err := lines.Encode(describe(scenario.Name, index, err, status)); err != nil {
				panic(err)
			}
		}
	}

	// The typed methods, as an application would call them.
	base := p.Servers[p.Typed.Server]
	c := client.New(base, p.Typed.Token, p.Typed.SigningSecret)
	_, err = c.Account()
	must(lines.Encode(describe("typed: account", 0, err, nil)))
	_, err = c.SendMessage("+15551234567", "Hello.", false)
	must(lines.Encode(describe("typed: send a message", 0, err, nil)))
	expired := client.New(base, "expired", "expired-signing-secret")
	_, err = expired.Account()
	must(lines.Encode(describe("typed: account with an expired token", 0, err, nil)))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
