# Generated from errors.yaml by error-codes; do not edit.
