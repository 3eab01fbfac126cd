/* tasksrv: what Swoole programs ask about the machine and the version: swoole_version(),
 * swoole_cpu_num(), swoole_get_local_ip(), swoole_get_local_mac(), SWOOLE_VERSION*. */
#include "php_sysinfo.h"
#include "php_errors.h"
#include "php_tasksrv.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <sys/socket.h>
#include <unistd.h>

#include "php_sysinfo_arginfo.h"

PHP_FUNCTION(swoole_version)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STRING(TASKSRV_SWOOLE_VERSION);
}

PHP_FUNCTION(TaskSrv_version)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STRING(PHP_TASKSRV_VERSION);
}

PHP_FUNCTION(swoole_cpu_num)
{
	long n;

	ZEND_PARSE_PARAMETERS_NONE();
	n = sysconf(_SC_NPROCESSORS_ONLN);
	RETURN_LONG(n > 0 ? n : 1);
}

/* Each interface's address of the family, loopback left out, as Swoole. */
PHP_FUNCTION(swoole_get_local_ip)
{
	zend_long family = AF_INET;
	struct ifaddrs *list, *ifa;
	char buf[INET6_ADDRSTRLEN];
	const void *addr;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(family)
	ZEND_PARSE_PARAMETERS_END();

	if (family != AF_INET && family != AF_INET6) {
		zend_argument_value_error(1, "must be AF_INET or AF_INET6");
		RETURN_THROWS();
	}
	array_init(return_value);
	if (getifaddrs(&list) != 0) {
		php_error_docref(NULL, E_WARNING, "getifaddrs() failed: %s", strerror(errno));
		return;
	}
	for (ifa = list; ifa; ifa = ifa->ifa_next) {
		if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family != family || (ifa->ifa_flags & IFF_LOOPBACK)) {
			continue;
		}
		addr = family == AF_INET ? (const void *) &((struct sockaddr_in *) ifa->ifa_addr)->sin_addr
			: (const void *) &((struct sockaddr_in6 *) ifa->ifa_addr)->sin6_addr;
		if (inet_ntop((int) family, addr, buf, sizeof(buf))) {
			add_assoc_string(return_value, ifa->ifa_name, buf);
		}
	}
	freeifaddrs(list);
}

static bool has_ipv4(const struct ifaddrs *list, const char *name)
{
	for (; list; list = list->ifa_next) {
		if (list->ifa_addr && list->ifa_addr->sa_family == AF_INET && strcmp(list->ifa_name, name) == 0) {
			return true;
		}
	}
	return false;
}

/* As Swoole, which asks SIOCGIFCONF: only the interfaces that have an IPv4 address. */
PHP_FUNCTION(swoole_get_local_mac)
{
	struct ifaddrs *list, *ifa;
	const struct sockaddr_ll *ll;
	char buf[3 * 8];
	int i, n;

	ZEND_PARSE_PARAMETERS_NONE();
	array_init(return_value);
	if (getifaddrs(&list) != 0) {
		php_error_docref(NULL, E_WARNING, "getifaddrs() failed: %s", strerror(errno));
		return;
	}
	for (ifa = list; ifa; ifa = ifa->ifa_next) {
		if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family != AF_PACKET || (ifa->ifa_flags & IFF_LOOPBACK)) {
			continue;
		}
		ll = (const struct sockaddr_ll *) ifa->ifa_addr;
		if (ll->sll_halen == 0 || ll->sll_halen > 8 || !has_ipv4(list, ifa->ifa_name)) {
			continue;
		}
		for (i = 0, n = 0; i < ll->sll_halen; i++) {
			n += snprintf(buf + n, sizeof(buf) - n, i ? ":%02X" : "%02X", ll->sll_addr[i]);
		}
		add_assoc_string(return_value, ifa->ifa_name, buf);
	}
	freeifaddrs(list);
}

void tasksrv_sysinfo_minit(bool swoole_names, int module_number)
{
	zend_register_string_constant("TaskSrv\\SWOOLE_COMPAT_VERSION", sizeof("TaskSrv\\SWOOLE_COMPAT_VERSION") - 1,
		TASKSRV_SWOOLE_VERSION, CONST_CS | CONST_PERSISTENT, module_number);
	if (swoole_names) {
		REGISTER_STRING_CONSTANT("SWOOLE_VERSION", TASKSRV_SWOOLE_VERSION, CONST_CS | CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("SWOOLE_VERSION_ID", TASKSRV_SWOOLE_VERSION_ID, CONST_CS | CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("SWOOLE_MAJOR_VERSION", TASKSRV_SWOOLE_VERSION_ID / 10000, CONST_CS | CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("SWOOLE_MINOR_VERSION", TASKSRV_SWOOLE_VERSION_ID / 100 % 100, CONST_CS | CONST_PERSISTENT);
		REGISTER_LONG_CONSTANT("SWOOLE_RELEASE_VERSION", TASKSRV_SWOOLE_VERSION_ID % 100, CONST_CS | CONST_PERSISTENT);
		REGISTER_STRING_CONSTANT("SWOOLE_EXTRA_VERSION", "", CONST_CS | CONST_PERSISTENT);
	}
	tasksrv_php_register_functions(ext_functions, swoole_names);
}
