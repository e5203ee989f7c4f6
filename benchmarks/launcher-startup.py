#!/usr/bin/env python3
"""Launcher start to the first MI answer, in ms: spawns `java -jar evi4j.jar`, polls `version` on its UDP MI
socket every 10 ms, stops it with SIGTERM. Usage: launcher-startup.py [RUNS] [--fresh] [--default-etc] [--http]
  [--console]
  --fresh        a new --data folder for every run (the first start of an installation)
  --default-etc  let the launcher write its default etc (UDP MI on 127.0.0.1:8080, a UNIX MI socket, HTTP on
                 127.0.0.1:8888); otherwise an etc with one UDP MI socket on a free port
  --http         also time the first 200 to POST /mi on the HTTP service (with --default-etc: 8888; otherwise
                 an etc/org.apache.felix.http.cfg on a free port); prints "ms UDP HTTP" per run
  --console      with --http, also time the first 200 to GET / that is the web console's page; prints
                 "ms UDP HTTP CONSOLE" per run
EVI4J_JAR=path/to/evi4j.jar measures another launcher jar (e.g. a build from before a change).
Run it on an idle machine: under load the figures double."""
import os, shutil, signal, socket, subprocess, sys, tempfile, time

JAR = os.environ.get("EVI4J_JAR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "launcher",
                                                  "target", "evi4j.jar")
REQUEST = b'{"jsonrpc":"2.0","method":"version","id":1}'


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


HTTP_REQUEST = (b"POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                b"Content-Length: %d\r\n\r\n" % len(REQUEST)) + REQUEST


CONSOLE_REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def http_answers(port, request=HTTP_REQUEST, expect=b""):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(request)
            reply = b""
            while len(reply) < 65535:
                chunk = s.recv(65535)
                if not chunk:
                    break
                reply += chunk
            return reply.startswith(b"HTTP/1.1 200 ") and expect in reply
    except OSError:
        return False


def one_start(work, etc, data, port, http_port=None, console=False):
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", "-jar", JAR, "--etc", etc, "--data", data], cwd=work,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.settimeout(0.01)
    elapsed = None
    http_elapsed = None
    console_elapsed = None
    try:
        while time.monotonic() - t0 < 30 and (elapsed is None or (http_port and http_elapsed is None)
                                              or (console and console_elapsed is None)):
            if elapsed is None:
                client.sendto(REQUEST, ("127.0.0.1", port))
                try:
                    client.recv(65535)
                    elapsed = (time.monotonic() - t0) * 1000
                except (socket.timeout, ConnectionRefusedError):
                    pass
            if http_port and http_elapsed is None and http_answers(http_port):
                http_elapsed = (time.monotonic() - t0) * 1000
            if console and console_elapsed is None and http_answers(http_port, CONSOLE_REQUEST, b"evi4j console"):
                console_elapsed = (time.monotonic() - t0) * 1000
            time.sleep(0.01)
    finally:
        client.close()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    return elapsed, http_elapsed, console_elapsed


def main():
    runs = int(next((a for a in sys.argv[1:] if a.isdigit()), "5"))
    fresh, default_etc, http = "--fresh" in sys.argv, "--default-etc" in sys.argv, "--http" in sys.argv
    console = http and "--console" in sys.argv
    work = tempfile.mkdtemp(prefix="evi4j-start")
    etc, data = os.path.join(work, "etc"), os.path.join(work, "data")
    port = 8080 if default_etc else free_port()
    http_port = (8888 if default_etc else free_port()) if http else None
    if not default_etc:
        os.makedirs(etc)
        with open(os.path.join(etc, "org.evi4j.mi.datagram-udp.cfg"), "w") as f:
            f.write("socket_name = udp:127.0.0.1:%d\n" % port)
        if http:
            with open(os.path.join(etc, "org.apache.felix.http.cfg"), "w") as f:
                f.write("org.osgi.service.http.port = %d\norg.apache.felix.http.host = 127.0.0.1\n" % http_port)
    try:
        times, http_times, console_times = [], [], []
        show = lambda ms: "timeout" if ms is None else str(int(ms))
        for _ in range(runs):
            if fresh:
                shutil.rmtree(data, ignore_errors=True)
            ms, http_ms, console_ms = one_start(work, etc, data, port, http_port, console)
            times.append(ms)
            http_times.append(http_ms)
            console_times.append(console_ms)
            print("ms", show(ms), show(http_ms) if http else "", show(console_ms) if console else "", flush=True)
        for label, values in (("median ms", times), ("median HTTP ms", http_times if http else []),
                              ("median console ms", console_times if console else [])):
            done = sorted(t for t in values if t is not None)
            if done:
                print(label, int(done[len(done) // 2]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
