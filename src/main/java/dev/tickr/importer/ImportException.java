package dev.tickr.importer;

/** The file to import cannot be read as the source it is said to be; nothing was imported. */
public final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
