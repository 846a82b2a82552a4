-- API tokens may expire: expires_at (epoch milliseconds, UTC) is when a token stops working, NULL
-- for a token that works until it is revoked. An expired token stays listed, like a revoked one.
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
