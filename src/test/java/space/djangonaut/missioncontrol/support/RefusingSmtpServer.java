package space.djangonaut.missioncontrol.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny SMTP relay (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that answers {@code 550} to {@code RCPT TO}
 * for the addresses it is told to refuse, as a real relay does for a mailbox that does not exist, and takes every
 * other message. GreenMail takes every recipient, so it cannot show a permanent refusal.
 */
public final class RefusingSmtpServer implements AutoCloseable {

  /** What the relay answers for a refused recipient. */
  public static final String REFUSAL = "5.1.1 Recipient address rejected: User unknown in virtual mailbox table";

  private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

  private final Set<String> refused;
  private final ServerSocket socket;
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<String> refusedRecipients = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

  /** Starts the relay on a free port of 127.0.0.1. */
  public RefusingSmtpServer(Set<String> refused) {
    this.refused = refused.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::accept, "refusing-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The recipients of the messages it took, in order. */
  public List<String> delivered() {
    return List.copyOf(delivered);
  }

  /** How many SMTP connections clients opened to it. */
  public int connections() {
    return connections.get();
  }

  /** The recipients it refused, once per attempt. */
  public List<String> refusals() {
    return List.copyOf(refusedRecipients);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        Thread session = new Thread(() -> serve(client), "refusing-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 refusing.example.org ESMTP");
      List<String> recipients = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO")) {
          reply(out, "250-refusing.example.org\r\n250 8BITMIME");
        } else if (command.startsWith("HELO") || command.startsWith("NOOP")) {
          reply(out, "250 OK");
        } else if (command.startsWith("MAIL FROM")) {
          recipients.clear();
          reply(out, "250 2.1.0 OK");
        } else if (command.startsWith("RCPT TO")) {
          Matcher address = ADDRESS.matcher(line);
          String recipient = address.find() ? address.group(1).toLowerCase(Locale.ROOT) : "";
          if (refused.contains(recipient)) {
            refusedRecipients.add(recipient);
            reply(out, "550 " + REFUSAL);
          } else {
            recipients.add(recipient);
            reply(out, "250 2.1.5 OK");
          }
        } else if (command.equals("DATA")) {
          if (recipients.isEmpty()) {
            reply(out, "554 5.5.1 No valid recipients");
            continue;
          }
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message itself is not kept
          }
          delivered.addAll(recipients);
          recipients.clear();
          reply(out, "250 2.0.0 OK queued");
        } else if (command.startsWith("RSET")) {
          recipients.clear();
          reply(out, "250 OK");
        } else if (command.startsWith("QUIT")) {
          reply(out, "221 Bye");
          return;
        } else {
          reply(out, "502 5.5.2 Command not recognised");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
      acceptor.join(5000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
