/**
 * What other modules may use of machine data on the server. Nothing yet: no other module reads
 * machine data. Other modules never read the machine tables directly; what they need goes here.
 */
export {};
