<%@ page contentType="text/plain;charset=UTF-8" %><%-- SECRET-SOURCE-MARKER --%>rendered
