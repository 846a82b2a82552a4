package dev.tickr.store;

/** Accounts, for what manages them as a whole: users, their API tokens and their sessions. */
public interface AccountStore extends UserStore, ApiTokenStore, SessionStore {}
