// Command readmeexample is the README's Go example: a call whose error
// response is read with the generated package, against a fake API.
package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"example.com/service/apierrors"
)

// sendOTP calls the API; an error response becomes an *apierrors.Error.
func sendOTP(baseURL string) error {
	response, err := http.Post(baseURL+"/v1/otp/send", "application/json", nil)
	if err != nil {
		return err
	}
	defer response.Body.Close()
	body, err := io.ReadAll(io.LimitReader(response.Body, 1<<20))
	if err != nil || response.StatusCode < 300 {
		return err
	}
	// Fails only for a body that is no error body (a proxy's HTML page):
	// errors.Is(err, apierrors.ErrNotErrorBody).
	apiErr, err := apierrors.Decode(response.StatusCode, body)
	if err != nil {
		return err
	}
	return apiErr
}

func main() {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"error":"otp_wait_required","message":"You must wait before requesting another OTP.","details":{"retry_after":30}}`)
	}))
	defer api.Close()

	err := sendOTP(api.URL)
	var apiErr *apierrors.Error
	switch {
	case err == nil:
		fmt.Println("sent")
	case errors.Is(err, apierrors.ErrInvalidToken), errors.Is(err, apierrors.ErrTokenExpired):
		fmt.Println("log in again")
	case errors.As(err, &apiErr):
		if wait, ok := apiErr.RetryAfter(); ok {
			fmt.Printf("%s: retry in %v\n", apiErr.Code, wait)
		} else if details, ok := apiErr.Details.(*apierrors.ValidationErrorDetails); ok {
			for _, violation := range details.Violations {
				fmt.Printf("%s: %s\n", violation.Field, violation.Reason)
			}
		} else if !apiErr.Known() {
			// A code from a newer server: decide on the status.
			fmt.Printf("%d: %s\n", apiErr.Status, apiErr.Message)
		} else {
			fmt.Println(apiErr)
		}
	default:
		fmt.Println("not the API:", err)
	}
}
