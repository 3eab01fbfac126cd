<?php

/** @generate-class-entries */

namespace TaskSrv\Http {
    /**
     * An HTTP/1.1 server: the primary port (and every port without a set() of its own)
     * speaks HTTP; onRequest(Request $request, Response $response) replaces onReceive.
     * @not-serializable
     */
    #[\AllowDynamicProperties]
    class Server extends \TaskSrv\Server
    {
    }

    /**
     * One request, as Swoole's: header (lower-case names), server, get, post, cookie, files.
     * @not-serializable
     */
    #[\AllowDynamicProperties]
    class Request
    {
        public int $fd = 0;
        public int $streamId = 0;
        public ?array $header = null;
        public ?array $server = null;
        public ?array $cookie = null;
        public ?array $get = null;
        public ?array $files = null;
        public ?array $post = null;
        public ?array $tmpfiles = null;

        public function rawContent(): string|false {}

        /** @implementation-alias TaskSrv\Http\Request::rawContent */
        public function getContent(): string|false {}

        public function getData(): string|false {}

        public function getMethod(): string|false {}

        public function isCompleted(): bool {}
    }

    /**
     * The answer to one request; end() sends it (write() sends it in chunks).
     * @not-serializable
     */
    #[\AllowDynamicProperties]
    class Response
    {
        public int $fd = 0;
        public mixed $socket = null;
        public ?array $header = null;
        public ?array $cookie = null;
        public ?array $trailer = null;

        public function status(int $http_code, string $reason = ""): bool {}

        /** @implementation-alias TaskSrv\Http\Response::status */
        public function setStatusCode(int $http_code, string $reason = ""): bool {}

        public function header(string $key, string|array $value, bool $format = true): bool {}

        /** @implementation-alias TaskSrv\Http\Response::header */
        public function setHeader(string $key, string|array $value, bool $format = true): bool {}

        public function trailer(string $key, string $value): bool {}

        public function cookie(string $name, string $value = "", int $expires = 0, string $path = "/", string $domain = "", bool $secure = false, bool $httponly = false, string $samesite = "", string $priority = "", bool $partitioned = false): bool {}

        /** @implementation-alias TaskSrv\Http\Response::cookie */
        public function setCookie(string $name, string $value = "", int $expires = 0, string $path = "/", string $domain = "", bool $secure = false, bool $httponly = false, string $samesite = "", string $priority = "", bool $partitioned = false): bool {}

        public function rawCookie(string $name, string $value = "", int $expires = 0, string $path = "/", string $domain = "", bool $secure = false, bool $httponly = false, string $samesite = "", string $priority = "", bool $partitioned = false): bool {}

        public function write(string $content): bool {}

        public function end(?string $content = null): bool {}

        public function sendfile(string $filename, int $offset = 0, int $length = 0): bool {}

        public function redirect(string $location, int $http_code = 302): bool {}

        public function isWritable(): bool {}

        public function detach(): bool {}

        public static function create(object|array|int $server = -1, int $fd = -1): Response|false {}

        public function close(): bool {}
    }
}
