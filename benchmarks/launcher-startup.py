#!/usr/bin/env python3
"""Launcher start to the first MI answer, in ms: spawns `java -jar evi4j.jar`, polls `version` on its UDP MI
socket every 10 ms, stops it with SIGTERM. Usage: launcher-startup.py [RUNS] [--fresh] [--default-etc]
  --fresh        a new --data folder for every run (the first start of an installation)
  --default-etc  let the launcher write its default etc (UDP MI on 127.0.0.1:8080 and a UNIX MI socket);
                 otherwise an etc with one UDP MI socket on a free port
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


def one_start(work, etc, data, port):
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", "-jar", JAR, "--etc", etc, "--data", data], cwd=work,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.settimeout(0.01)
    elapsed = None
    try:
        while time.monotonic() - t0 < 30:
            client.sendto(REQUEST, ("127.0.0.1", port))
            try:
                client.recv(65535)
                elapsed = (time.monotonic() - t0) * 1000
                break
            except (socket.timeout, ConnectionRefusedError):
                time.sleep(0.01)
    finally:
        client.close()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    return elapsed


def main():
    runs = int(next((a for a in sys.argv[1:] if a.isdigit()), "5"))
    fresh, default_etc = "--fresh" in sys.argv, "--default-etc" in sys.argv
    work = tempfile.mkdtemp(prefix="evi4j-start")
    etc, data = os.path.join(work, "etc"), os.path.join(work, "data")
    port = 8080 if default_etc else free_port()
    if not default_etc:
        os.makedirs(etc)
        with open(os.path.join(etc, "org.evi4j.mi.datagram-udp.cfg"), "w") as f:
            f.write("socket_name = udp:127.0.0.1:%d\n" % port)
    try:
        times = []
        for _ in range(runs):
            if fresh:
                shutil.rmtree(data, ignore_errors=True)
            ms = one_start(work, etc, data, port)
            times.append(ms)
            print("ms", "timeout" if ms is None else int(ms), flush=True)
        done = sorted(t for t in times if t is not None)
        if done:
            print("median ms", int(done[len(done) // 2]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
