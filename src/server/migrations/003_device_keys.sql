-- Sync bundles (ARCHITECTURE.md, sync protocol 9). Each device's public key (ECDSA P-256,
-- as a JWK), sent when it enrols: a bundle's signature is checked with it. Devices enrolled
-- before bundles existed have none, and their bundles are refused with that reason.
ALTER TABLE devices ADD COLUMN public_key jsonb;

-- The server's own key pair (ECDSA P-256, JWKs) for signing bundle acknowledgements, made
-- on first use; a device receives the public half when it enrols and checks an
-- acknowledgement with it before it drops anything. One row per purpose.
CREATE TABLE server_keys (
  purpose text PRIMARY KEY,
  private_key jsonb NOT NULL,
  public_key jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
