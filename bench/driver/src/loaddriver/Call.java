package loaddriver;

/** One request to make: whose token, which operation, which variables (JSON, null for none). */
record Call(String token, String operation, String variables) {
}
