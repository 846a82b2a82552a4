-- What Tickr knows of each monitor's redirect chain, for the chain-changed notice; shared by SQLite
-- and PostgreSQL. Position 0 is the shape the chain has settled on now; 1 and up are earlier shapes,
-- with left_at (epoch milliseconds) when the chain left each. A shape is text such as
-- "https://track.example.net/c/* (302) → https://shop.example.com/p/shoes?irclickid": no query
-- values, no click ids, no user info.
CREATE TABLE chain_shapes (
  monitor  TEXT NOT NULL,
  position INTEGER NOT NULL,
  shape    TEXT NOT NULL,
  left_at  BIGINT,
  PRIMARY KEY (monitor, position)
);
