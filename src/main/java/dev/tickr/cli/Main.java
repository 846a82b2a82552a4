package dev.tickr.cli;

/** Entry point of the {@code tickr} jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("tickr");
  }
}
