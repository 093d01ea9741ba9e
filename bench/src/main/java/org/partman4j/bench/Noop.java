package org.partman4j.bench;

/** The reference for process start-up: a JVM that starts and exits. */
final class Noop {
  private Noop() {}

  public static void main(String[] args) {
    System.out.println("0");
  }
}
